import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { CONCEPTS } from "@/lib/content/concepts";
import { TOPICS } from "@/lib/course/topics";
import { db } from "@/lib/db/client";
import { findLearner } from "@/lib/db/learners";
import { lessonProgress, type LessonProgress } from "@/lib/db/lessons";
import { LEARNER_COOKIE } from "../learner-cookie";
import { loadCourse } from "./course";

export const metadata: Metadata = { title: "Lessons" };
export const dynamic = "force-dynamic";

export default async function LessonsPage() {
  const course = loadCourse();
  const token = (await cookies()).get(LEARNER_COOKIE)?.value;
  const learner = token ? await findLearner(db(), token) : null;
  const progress = new Map<string, LessonProgress>(
    learner
      ? (
          await lessonProgress(
            db(),
            learner.id,
            course.map((l) => l.slug),
          )
        ).map((p) => [p.slug, p])
      : [],
  );
  // The home page's course map links to /lessons#<topic>: anchor each topic on its first lesson.
  const anchors = new Map<string, string>();
  for (const lesson of course) {
    for (const topic of TOPICS) {
      const groups = lesson.frontmatter.concepts.map(
        (id) => CONCEPTS.find((concept) => concept.id === id)?.group,
      );
      if (!anchors.has(topic.id) && groups.some((group) => group && topic.groups.includes(group)))
        anchors.set(topic.id, lesson.slug);
    }
  }
  const anchorFor = (slug: string) => [...anchors].find(([, first]) => first === slug)?.[0];
  const totalMinutes = course.reduce((sum, lesson) => sum + lesson.frontmatter.minutes, 0);
  return (
    <>
      <h1>Lessons</h1>
      <p className="lede">
        {course.length} lessons, about {Math.round(totalMinutes / 5) * 5} minutes in all. Each ends with a
        recap and questions generated from the reachability model.
      </p>
      <ol className="lesson-list" aria-label="Course">
        {course.map((lesson) => {
          const p = progress.get(lesson.slug);
          const questions = lesson.components.filter((component) => component.name === "TryIt").length;
          return (
            <li
              key={lesson.slug}
              className="card lesson-item"
              data-lesson={lesson.slug}
              id={anchorFor(lesson.slug)}
            >
              <h2>
                <Link href={`/lessons/${lesson.slug}`}>
                  {lesson.order}. {lesson.frontmatter.title}
                </Link>
              </h2>
              <p>{lesson.frontmatter.summary}</p>
              <p className="lesson-meta">
                <span>{lesson.frontmatter.minutes} min</span> ·{" "}
                <span data-progress="read">{p?.read ? "read" : "not read yet"}</span> ·{" "}
                <span data-progress="questions">
                  {p?.questionsRight ?? 0} of {questions} questions right
                </span>
              </p>
            </li>
          );
        })}
      </ol>
    </>
  );
}
