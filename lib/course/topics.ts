import { findConcept, type ConceptGroupId } from "../content/concepts";

/** The four topics of the course map; each gathers one or more concept groups of the concept checklist. */
export type Topic = {
  readonly id: string;
  readonly title: string;
  readonly blurb: string;
  readonly groups: readonly ConceptGroupId[];
};

export const TOPICS: readonly Topic[] = [
  {
    id: "peering",
    title: "VPC peering",
    blurb: "Private links between two VPCs: CIDR rules, routes on both sides, why A–B–C is not A–C.",
    groups: ["peering"],
  },
  {
    id: "endpoints",
    title: "Endpoints and PrivateLink",
    blurb:
      "Gateway endpoints for S3 and DynamoDB, interface endpoints for everything else, endpoint services.",
    groups: ["endpoints"],
  },
  {
    id: "flow-logs",
    title: "Flow logs and filtering",
    blurb: "Security groups versus network ACLs, ephemeral ports, and reading ACCEPT and REJECT records.",
    groups: ["flow-logs", "filtering"],
  },
  {
    id: "hybrid",
    title: "Gateways and hybrid connectivity",
    blurb: "Internet, NAT and egress-only gateways, site-to-site VPN, transit gateway and Direct Connect.",
    groups: ["gateways"],
  },
];

/** The ways to learn, in the order a new learner meets them. */
export type LearningMode = {
  readonly id: "practice" | "review" | "classroom" | "lab";
  readonly title: string;
  readonly href: string;
  readonly blurb: string;
};

export const LEARNING_MODES: readonly LearningMode[] = [
  {
    id: "practice",
    title: "Practice and mock exams",
    href: "/practice",
    blurb: "Fresh questions with an explanation after each answer, or a timed exam with a score report.",
  },
  {
    id: "review",
    title: "Spaced review",
    href: "/review",
    blurb: "A short daily queue scheduled by FSRS; every review draws a new variant of the skill.",
  },
  {
    id: "classroom",
    title: "Live classroom",
    href: "/classroom",
    blurb: "An instructor runs a quiz with a join code, paces the questions and shows a leaderboard.",
  },
  {
    id: "lab",
    title: "Lab",
    href: "/lab",
    blurb: "Edit a network, ask whether one host reaches another, and watch the trace go hop by hop.",
  },
];

/**
 * The topic a lesson belongs to: the one holding the most of the concepts it teaches, provided that is at least
 * two fifths of them; on a tie, the topic of the concept listed first (authors list the lesson's main concept
 * first), and no topic when that concept is in none of the tied ones. Lessons that spread wider (the building
 * blocks, exam strategy) belong to none and frame the course instead. (Two fifths, not a half: the security
 * groups and network ACLs lesson also teaches the peering and transit gateway cases of SG references, and at "half"
 * one added concept dropped it out of its topic card on the home page.)
 */
export function topicOfLesson(conceptIds: readonly string[]): string | undefined {
  if (conceptIds.length === 0) return undefined;
  const groupOf = (id: string) => findConcept(id)?.group;
  const counts = TOPICS.map((topic) => ({
    topic,
    count: conceptIds.filter((id) => {
      const group = groupOf(id);
      return group !== undefined && topic.groups.includes(group);
    }).length,
  }));
  const most = Math.max(...counts.map((entry) => entry.count));
  if (most === 0 || most / conceptIds.length < 0.4) return undefined;
  const tied = counts.filter((entry) => entry.count === most);
  if (tied.length === 1) return tied[0]?.topic.id;
  const lead = groupOf(conceptIds[0] ?? "");
  return tied.find((entry) => lead !== undefined && entry.topic.groups.includes(lead))?.topic.id;
}
