import type { Metadata } from "next";
import { serverNow } from "@/app/clock";
import { viewingLearner } from "@/app/current-learner";
import { db } from "@/lib/db/client";
import { listAssignments } from "@/lib/db/assignments";
import { findLab, listLabs } from "@/lib/db/labs";
import { STARTER_TOPOLOGY_YAML } from "@/lib/lab/starter";
import { LabClient } from "./lab-client";
import { openQuestionInLab } from "./open-question";
import { lessonTopologies } from "./lesson-topologies";

export const metadata: Metadata = { title: "Lab" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const LAB_ID = /^[A-Za-z0-9_-]{10,40}$/;

/**
 * `/lab?topology=abc-peering-chain` opens that lesson topology; `/lab?lab=<id>` a saved lab (the learner's own,
 * or a read-only copy of someone else's shared one); without either, the blank starter VPC.
 */
export default async function LabPage({ searchParams }: Props) {
  const params = await searchParams;
  const lessons = lessonTopologies();
  const wanted = typeof params["topology"] === "string" ? params["topology"] : undefined;
  // Any lab parameter that opens no saved lab gets the same error, whether its id is unknown or malformed
  // (`?lab=deadbeef` used to open the starter VPC without a word).
  const labParam = params["lab"];
  const labId = typeof labParam === "string" && LAB_ID.test(labParam) ? labParam : undefined;
  const learner = await viewingLearner(serverNow());
  const [saved, myLabs, myAssignments] = await Promise.all([
    labId ? findLab(db(), labId) : Promise.resolve(null),
    listLabs(db(), learner.id),
    listAssignments(db(), learner.id),
  ]);
  const lesson = lessons.find((candidate) => candidate.name === wanted);
  const token = typeof params["q"] === "string" ? params["q"] : undefined;
  const from = typeof params["from"] === "string" ? params["from"] : "";
  const question = token && !saved ? await openQuestionInLab(token, from, learner.id) : undefined;
  const fromQuestion = question?.ok ? question : undefined;
  return (
    <>
      <h1>Lab</h1>
      <p className="lede">
        Open a network, change it, and ask the model whether one instance can reach another. It traces the
        packet hop by hop, names every blocker with its rule, and proposes fixes you can apply and undo. Save
        a lab under a name to come back to it, or share its link.
      </p>
      {labParam !== undefined && !saved ? (
        <p className="error" role="alert" data-testid="lab-link-error">
          No saved lab has this link (it was deleted, or the link is incomplete). The blank starter VPC is
          open instead.
        </p>
      ) : null}
      {question && !question.ok ? (
        <p className="error" role="alert" data-testid="lab-question-error">
          {question.error.charAt(0).toUpperCase() + question.error.slice(1)}
        </p>
      ) : null}
      {fromQuestion ? (
        <p className="notice" data-testid="lab-question-note">
          {fromQuestion.query
            ? `Opened ${fromQuestion.title}, with its question asked. Change it and see what changes.`
            : `Opened ${fromQuestion.title}. That question asks no “can A reach B?”: pick two instances below and ask one.`}
        </p>
      ) : null}
      <LabClient
        lessons={lessons.map(({ name, description, text, label, lesson }) => ({
          name,
          description,
          text,
          label,
          lesson,
        }))}
        starter={STARTER_TOPOLOGY_YAML}
        initialName={saved || fromQuestion ? "starter" : (lesson?.name ?? "starter")}
        openedLabel={
          saved ? `Saved lab: ${saved.name}` : fromQuestion ? "Question network (as opened)" : undefined
        }
        initialText={saved?.text ?? fromQuestion?.text ?? lesson?.text ?? STARTER_TOPOLOGY_YAML}
        initialQuery={fromQuestion?.query}
        initialFormat={saved?.format ?? "yaml"}
        saved={saved ? { id: saved.id, name: saved.name, mine: saved.learnerId === learner.id } : undefined}
        myLabs={myLabs.map(({ id, name }) => ({ id, name }))}
        myAssignments={myAssignments.map(({ id, title }) => ({ id, title }))}
      />
    </>
  );
}
