import { jsonRoute } from "@/app/http/json-route";
import { serverNow } from "@/app/clock";
import { currentLearner } from "@/app/current-learner";
import { db } from "@/lib/db/client";
import { saveSrsSettings } from "@/lib/db/srs";
import { parseSrsSettings } from "@/lib/srs/index";
import { SettingsFormSchema, badRequest, readJson } from "../schemas";

export const dynamic = "force-dynamic";

/** Saves review settings; a bad field is reported by name and nothing is saved. */
export const PUT = jsonRoute(async (request: Request): Promise<Response> => {
  const read = await readJson(request);
  if (!read.ok) return read.response;
  const form = SettingsFormSchema.safeParse(read.body);
  if (!form.success) return badRequest(form.error.issues);
  const settings = parseSrsSettings(form.data);
  if (!settings.ok) return badRequest(settings.issues);
  const now = serverNow();
  const learner = await currentLearner(now);
  await saveSrsSettings(db(), learner.id, settings.value);
  return Response.json({
    desiredRetention: settings.value.desiredRetention,
    newCardsPerDay: settings.value.newCardsPerDay,
    maximumIntervalDays: settings.value.maximumIntervalDays,
  });
});
