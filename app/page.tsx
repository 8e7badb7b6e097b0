import Link from "next/link";
import { CONCEPTS } from "@/lib/content/concepts";
import { courseMapIntro } from "@/lib/content/course-map";
import { LEARNING_MODES, TOPICS, topicOfLesson } from "@/lib/course/topics";
import { loadCourse } from "./lessons/course";

// uxr6 finding 7: lesson links do not prefetch in view (13 lesson payloads, 17-21 KB each, were fetched on load).
export default function HomePage() {
  const course = loadCourse();
  const intro = courseMapIntro(
    course.map((lesson) => ({
      slug: lesson.slug,
      title: lesson.frontmatter.title,
      order: lesson.order,
      topic: topicOfLesson(lesson.frontmatter.concepts),
    })),
  );
  return (
    <>
      <h1>Learn AWS VPC networking by tracing packets</h1>
      <p className="lede">
        Every question here is computed by a model of VPC networking: it follows the packet hop by hop through
        route tables, gateways, security groups and network ACLs, and tells you exactly where and why it
        stops.
      </p>

      <section aria-labelledby="course-map">
        <h2 id="course-map">Course map</h2>
        {intro.length > 0 ? (
          <p data-testid="course-intro">
            {intro.map((part, index) =>
              part.kind === "text" ? (
                <span key={index}>{part.text}</span>
              ) : (
                <Link key={index} href={`/lessons/${part.slug}`} prefetch={false}>
                  {part.order}. {part.title}
                </Link>
              ),
            )}
          </p>
        ) : null}
        <ol className="grid" aria-label="Topics">
          {TOPICS.map((topic) => {
            const concepts = CONCEPTS.filter((concept) => topic.groups.includes(concept.group));
            const lessons = course.filter(
              (lesson) => topicOfLesson(lesson.frontmatter.concepts) === topic.id,
            );
            return (
              <li key={topic.id} className="card" data-topic={topic.id}>
                <h3>
                  <Link href={`/lessons#${topic.id}`} prefetch={false}>
                    {topic.title}
                  </Link>
                </h3>
                <p>{topic.blurb}</p>
                <p className="mono">{concepts.length} concepts</p>
                {lessons.length > 0 ? (
                  <ul className="topic-lessons">
                    {lessons.map((lesson) => (
                      <li key={lesson.slug}>
                        <Link href={`/lessons/${lesson.slug}`} prefetch={false}>
                          {lesson.order}. {lesson.frontmatter.title}
                        </Link>{" "}
                        <span className="lesson-meta">· {lesson.frontmatter.minutes} min</span>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            );
          })}
        </ol>
      </section>

      <section aria-labelledby="ways-to-learn">
        <h2 id="ways-to-learn">Four ways to learn</h2>
        <ul className="grid">
          {LEARNING_MODES.map((mode) => (
            <li key={mode.id} className="card" data-mode={mode.id}>
              <h3>
                <Link href={mode.href}>{mode.title}</Link>
              </h3>
              <p>{mode.blurb}</p>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
