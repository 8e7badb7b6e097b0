import { jsonRoute } from "@/app/http/json-route";
import { serverNow } from "@/app/clock";
import { currentLearner } from "@/app/current-learner";
import { loadCourse } from "@/app/lessons/course";
import { db } from "@/lib/db/client";
import { markLessonRead } from "@/lib/db/lessons";

export const dynamic = "force-dynamic";

/** Called when the learner reaches a lesson's recap. */
export const POST = jsonRoute(
  async (_request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> => {
    const { slug } = await params;
    if (!loadCourse().some((lesson) => lesson.slug === slug)) {
      return Response.json({ error: `slug: no lesson "${slug}"` }, { status: 404 });
    }
    const now = serverNow();
    const learner = await currentLearner(now);
    await markLessonRead(db(), learner.id, slug, now);
    return Response.json({ slug, read: true });
  },
);
