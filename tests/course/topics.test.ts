import { describe, expect, it } from "vitest";
import { CONCEPTS } from "../../lib/content/concepts";
import { TOPICS, topicOfLesson } from "../../lib/course/topics";

describe("course topics", () => {
  it("every concept group belongs to exactly one topic", () => {
    const groups = new Set(CONCEPTS.map((concept) => concept.group));
    for (const group of groups) {
      expect(TOPICS.filter((topic) => topic.groups.includes(group)).map((topic) => topic.id)).toHaveLength(1);
    }
  });

  it("files a lesson under the topic holding at least half of its concepts", () => {
    expect(topicOfLesson(["P1", "P2", "S2"])).toBe("peering");
    expect(topicOfLesson(["S1", "S2", "P6", "P11"])).toBe("flow-logs");
    expect(topicOfLesson(["G1", "G3", "S2"])).toBe("hybrid");
  });

  it("files a lesson under the largest topic at two fifths, a tie going to the topic of its first concept", () => {
    expect(topicOfLesson(["S1", "S2", "P6", "P11", "T6"])).toBe("flow-logs");
    expect(topicOfLesson(["P6", "P11", "S1", "S2", "T6"])).toBe("peering");
    expect(topicOfLesson(["T6", "S1", "S2", "P6", "P11"])).toBeUndefined();
  });

  it("leaves a lesson that spreads over many topics unfiled", () => {
    expect(topicOfLesson(["S2", "P4", "G3"])).toBeUndefined();
    expect(topicOfLesson([])).toBeUndefined();
  });
});
