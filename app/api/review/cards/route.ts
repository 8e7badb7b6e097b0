import { jsonRoute } from "@/app/http/json-route";
import { serverNow } from "@/app/clock";
import { currentLearner } from "@/app/current-learner";
import { db } from "@/lib/db/client";
import { ensureCards, setCardSuspended } from "@/lib/db/srs";
import { familiesForSkill } from "@/lib/review/index";
import { FAMILIES } from "@/lib/scenario/registry";
import { parseSkillId } from "@/lib/srs/index";
import { AddCardSchema, SuspendCardSchema, badRequest, readJson } from "../schemas";

export const dynamic = "force-dynamic";

/** Adds a skill to the deck by hand (source "manual"); a skill already in the deck is left as it is. */
export const POST = jsonRoute(async (request: Request): Promise<Response> => {
  const read = await readJson(request);
  if (!read.ok) return read.response;
  const parsed = AddCardSchema.safeParse(read.body);
  if (!parsed.success) return badRequest(parsed.error.issues);
  const skill = parseSkillId(parsed.data.skillId);
  if (skill.ok && familiesForSkill(skill.value, FAMILIES).length === 0) {
    return badRequest(
      [
        {
          path: ["skillId"],
          message: `no question family assesses ${parsed.data.skillId} yet, so it cannot be reviewed`,
        },
      ],
      422,
    );
  }
  const now = serverNow();
  const learner = await currentLearner(now);
  const { created } = await ensureCards(db(), learner.id, [parsed.data.skillId], "manual", now);
  return Response.json(
    { skillId: parsed.data.skillId, created: created.length > 0 },
    { status: created.length > 0 ? 201 : 200 },
  );
});

/** Suspends or unsuspends a card; a suspended card leaves the queue but keeps its schedule and history. */
export const PATCH = jsonRoute(async (request: Request): Promise<Response> => {
  const read = await readJson(request);
  if (!read.ok) return read.response;
  const parsed = SuspendCardSchema.safeParse(read.body);
  if (!parsed.success) return badRequest(parsed.error.issues);
  const now = serverNow();
  const learner = await currentLearner(now);
  const result = await setCardSuspended(db(), learner.id, parsed.data.skillId, parsed.data.suspended);
  if (!result.ok) return badRequest(result.issues, 404);
  return Response.json({ skillId: result.value.skillId, suspended: result.value.suspended });
});
