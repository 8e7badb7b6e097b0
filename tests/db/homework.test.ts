import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  addHomeworkAnswer,
  addHomeworkStudent,
  createHomework,
  findHomework,
  findHomeworkStudent,
  listHomework,
  listHomeworkAnswers,
  listHomeworkStudents,
} from "../../lib/db/homework";
import { createTempDb } from "./support/temp-db";

const created = new Date("2026-12-06T10:00:00Z");
const due = new Date("2026-12-10T17:00:00Z");

describe("homework storage", () => {
  let temp: ReturnType<typeof createTempDb>;
  beforeEach(() => {
    temp = createTempDb();
  });
  afterEach(async () => {
    await temp.dispose();
  });

  const homework = (code: string, teacherLearnerId = "t1", createdAt = created) => ({
    code,
    teacherLearnerId,
    config: { families: ["endpoint-choice"], difficulty: 1, questionCount: 2, gameSeed: 5 },
    questionIds: ["endpoint-choice.7.1", "endpoint-choice.8.1"],
    dueAt: due,
    createdAt,
  });

  it("stores an assignment, refuses its code twice, and lists a teacher's assignments newest first", async () => {
    expect((await createHomework(temp.db, homework("ABC234"))).ok).toBe(true);
    expect(await createHomework(temp.db, homework("ABC234", "t2"))).toEqual({ ok: false, reason: "taken" });
    await createHomework(temp.db, homework("XYZ789", "t1", new Date("2026-12-07T10:00:00Z")));
    await createHomework(temp.db, homework("OTHER2", "t2"));
    const found = await findHomework(temp.db, "ABC234");
    expect(found).toMatchObject({
      teacherLearnerId: "t1",
      dueAt: due,
      questionIds: homework("x").questionIds,
    });
    expect(found?.config).toEqual(homework("x").config);
    expect((await listHomework(temp.db, "t1")).map((entry) => entry.code)).toEqual(["XYZ789", "ABC234"]);
    expect(await findHomework(temp.db, "NOPE22")).toBeNull();
  });

  it("keeps names unique per assignment and one answer per student and question", async () => {
    await createHomework(temp.db, homework("ABC234"));
    const ana = { learnerId: "a", displayName: "Ana", nameKey: "ana", joinedAt: created };
    expect((await addHomeworkStudent(temp.db, "ABC234", ana)).ok).toBe(true);
    expect(
      await addHomeworkStudent(temp.db, "ABC234", { ...ana, learnerId: "b", displayName: "ANA" }),
    ).toEqual({
      ok: false,
      reason: "taken",
    });
    expect(await addHomeworkStudent(temp.db, "ABC234", { ...ana, nameKey: "ana2" })).toEqual({
      ok: false,
      reason: "taken",
    });
    expect((await findHomeworkStudent(temp.db, "ABC234", "a"))?.displayName).toBe("Ana");
    expect(await listHomeworkStudents(temp.db, "ABC234")).toHaveLength(1);

    const answer = { learnerId: "a", questionIndex: 1, response: ["b"], correct: false, answeredAt: created };
    expect((await addHomeworkAnswer(temp.db, "ABC234", answer)).ok).toBe(true);
    expect(await addHomeworkAnswer(temp.db, "ABC234", { ...answer, response: ["a"], correct: true })).toEqual(
      {
        ok: false,
        reason: "taken",
      },
    );
    await addHomeworkAnswer(temp.db, "ABC234", { ...answer, questionIndex: 0 });
    expect(
      (await listHomeworkAnswers(temp.db, "ABC234", "a")).map((entry) => [
        entry.questionIndex,
        entry.response,
      ]),
    ).toEqual([
      [0, ["b"]],
      [1, ["b"]],
    ]);
    expect(await listHomeworkAnswers(temp.db, "ABC234", "nobody")).toEqual([]);
  });
});
