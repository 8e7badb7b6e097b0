import type { Metadata } from "next";
import Link from "next/link";
import { serverNow } from "@/app/clock";
import { formatDateTime } from "@/app/format-date";
import { conceptChoices } from "@/lib/classroom/concept-choices";
import { db } from "@/lib/db/client";
import { listClassroomGamesOf } from "@/lib/db/classroom-owners";
import { listHomework } from "@/lib/db/homework";
import { describeScoring, SCORING_MODES } from "@/lib/quiz/scoring";
import { FAMILIES } from "@/lib/scenario/registry";
import { CreateGameForm } from "./create-game-form";
import { classroomIdentity } from "./identity";
import { HomeworkConfigSchema } from "./homework/schema";
import { ClassroomConfigSchema } from "./schema";
import { LocalDateTime } from "@/app/classroom/local-date-time";

/** A quiz's question families as the lists show them, with the concepts it was narrowed to. */
function topicsOf(config: { families: readonly string[]; concepts?: readonly string[] | undefined }): string {
  const topics = config.families.join(", ");
  return config.concepts === undefined ? topics : `${topics} (concepts ${config.concepts.join(", ")})`;
}

export const metadata: Metadata = { title: "Live classroom" };
export const dynamic = "force-dynamic";

/**
 * The teacher's start: settings for a new game, and this teacher's games and homework. Signed in, they are the
 * account's, from whichever device created them; anonymous, this browser's.
 */
export default async function ClassroomPage() {
  const now = serverNow();
  const who = await classroomIdentity(now, "read");
  const mine = { ownerLearnerId: who.learnerId, teacherIds: [who.deviceId, who.learnerId] };
  const running = await listClassroomGamesOf(db(), mine, "active", 10);
  const past = await listClassroomGamesOf(db(), mine, "finished");
  const homework = await listHomework(db(), who.learnerId);
  return (
    <>
      <h1>Live classroom</h1>
      <p className="lede">
        Run a quiz for a room: players join with a code on their phones, you open one question at a time, and
        everyone sees the answers, the explanation and the leaderboard together.
      </p>
      <p>
        Playing? <Link href="/classroom/join">Join a game with its code</Link>.
      </p>
      {running.length > 0 ? (
        <section aria-labelledby="running-games">
          <h2 id="running-games">Your running games</h2>
          <ul>
            {running.map((game) => (
              <li key={game.joinCode}>
                <Link href={`/classroom/${game.joinCode}`}>{game.joinCode}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {past.length > 0 ? (
        <section aria-labelledby="past-games">
          <h2 id="past-games">Your past games</h2>
          <div className="table-scroll" tabIndex={0} role="region" aria-label="Your past games">
            <table className="classroom-report" data-testid="past-games">
              <thead>
                <tr>
                  <th scope="col">Game</th>
                  <th scope="col">Ended</th>
                  <th scope="col">Questions</th>
                  <th scope="col">Question families</th>
                  <th scope="col">Report</th>
                </tr>
              </thead>
              <tbody>
                {past.map((game) => {
                  const config = ClassroomConfigSchema.safeParse(game.config);
                  return (
                    <tr key={game.joinCode}>
                      <td>{game.joinCode}</td>
                      <td>
                        <time dateTime={game.updatedAt.toISOString()}>{formatDateTime(game.updatedAt)}</time>
                      </td>
                      <td>{config.success ? config.data.questionCount : "–"}</td>
                      <td>{config.success ? topicsOf(config.data) : "–"}</td>
                      <td>
                        <Link href={`/classroom/${game.joinCode}/report`}>Report</Link>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
      {homework.length > 0 ? (
        <section aria-labelledby="homework-list">
          <h2 id="homework-list">Your homework</h2>
          <div className="table-scroll" tabIndex={0} role="region" aria-label="Your homework">
            <table className="classroom-report" data-testid="homework-list">
              <thead>
                <tr>
                  <th scope="col">Assignment</th>
                  <th scope="col">Due</th>
                  <th scope="col">Questions</th>
                  <th scope="col">Question families</th>
                  <th scope="col">Report</th>
                </tr>
              </thead>
              <tbody>
                {homework.map((entry) => {
                  const config = HomeworkConfigSchema.safeParse(entry.config);
                  return (
                    <tr key={entry.code} data-code={entry.code}>
                      <td>
                        <Link href={`/classroom/homework/${entry.code}`}>{entry.code}</Link>
                      </td>
                      <td>
                        <LocalDateTime at={entry.dueAt} />
                        {entry.dueAt.getTime() <= now.getTime() ? " (closed)" : ""}
                      </td>
                      <td>{entry.questionIds.length}</td>
                      <td>{config.success ? topicsOf(config.data) : "–"}</td>
                      <td>
                        <Link href={`/classroom/homework/${entry.code}/report`}>Report</Link>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
      <h2>New game</h2>
      <CreateGameForm
        families={FAMILIES.map((family) => ({ name: family.name, title: family.title }))}
        concepts={conceptChoices(FAMILIES)}
        scoring={SCORING_MODES.map((mode) => ({ mode, description: describeScoring(mode) }))}
      />
    </>
  );
}
