// A generated question's network as a lab: its topology as editable text and its question as the first ask.
// Only for a question already answered (the caller checks): with the lab, the answer is one click away.
import type { Query } from "@/lib/net";
import { questionFromId } from "@/lib/scenario/generate";
import { findFamily } from "@/lib/scenario/registry";
import { topologyText } from "./topology-text";

export type QuestionLab =
  | { readonly ok: true; readonly text: string; readonly query: Query | undefined; readonly title: string }
  | { readonly ok: false; readonly error: string };

export function labFromQuestion(questionId: string): QuestionLab {
  const generated = questionFromId(questionId);
  if (!generated.ok) return { ok: false, error: "this question can no longer be generated" };
  const { question } = generated;
  if (!question.topology) return { ok: false, error: "this question has no network to open" };
  return {
    ok: true,
    text: topologyText(question.topology, "yaml"),
    query: question.query,
    // A peering-feasibility question asks whether a peering can be made, not whether A reaches B: it opens with
    // no query, and the page says so rather than promising a question it will not ask.
    title: `the network of a “${findFamily(question.family)?.title ?? question.family}” question`,
  };
}
