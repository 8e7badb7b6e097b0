import type { Metadata } from "next";
import { STARTER_TOPOLOGY_YAML } from "@/lib/lab/starter";
import { LabClient } from "./lab-client";
import { lessonTopologies } from "./lesson-topologies";

export const metadata: Metadata = { title: "Lab" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** `/lab?topology=abc-peering-chain` opens that lesson topology; without it, the blank starter VPC. */
export default async function LabPage({ searchParams }: Props) {
  const params = await searchParams;
  const lessons = lessonTopologies();
  const wanted = typeof params["topology"] === "string" ? params["topology"] : undefined;
  const initial = lessons.find((lesson) => lesson.name === wanted);
  return (
    <>
      <h1>Lab</h1>
      <p className="lede">
        Open a network, change it, and ask the model whether one instance can reach another. It traces the
        packet hop by hop, names every blocker with its rule, and proposes fixes you can apply and undo.
        Nothing here is saved.
      </p>
      <LabClient
        lessons={lessons.map(({ name, description, text }) => ({ name, description, text }))}
        starter={STARTER_TOPOLOGY_YAML}
        initialName={initial?.name ?? "starter"}
        initialText={initial?.text ?? STARTER_TOPOLOGY_YAML}
      />
    </>
  );
}
