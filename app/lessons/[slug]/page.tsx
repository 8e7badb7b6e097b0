import { evaluate } from "@mdx-js/mdx";
import type { Metadata } from "next";
import type { ComponentProps } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import * as runtime from "react/jsx-runtime";
import remarkGfm from "remark-gfm";
import { DriftNote, ExamTip, NotesError } from "@/app/components/mdx/callouts";
import { FlowLogRecord } from "@/app/components/mdx/flow-log-record";
import { H2, H3 } from "@/app/components/mdx/headings";
import { Topology } from "@/app/components/mdx/topology";
import { TryIt } from "@/app/components/mdx/try-it";
import { MarkRead } from "@/app/components/mark-read";
import { remarkRuleLinks } from "@/lib/content/remark-rule-links";
import { remarkTableLabels } from "@/lib/content/remark-table-labels";
import { isRuleId } from "@/lib/content/rules-catalogue";
import { findLesson, loadCourse } from "../course";

export const dynamicParams = false;

export function generateStaticParams(): { slug: string }[] {
  return loadCourse().map((lesson) => ({ slug: lesson.slug }));
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = findLesson((await params).slug);
  return found
    ? { title: found.lesson.frontmatter.title, description: found.lesson.frontmatter.summary }
    : {};
}

export default async function LessonPage({ params }: Props) {
  const found = findLesson((await params).slug);
  if (!found) notFound();
  const { lesson, previous, next } = found;
  const { default: Content } = await evaluate(lesson.body, {
    ...runtime,
    remarkPlugins: [remarkGfm, remarkRuleLinks(isRuleId), remarkTableLabels],
  });
  const components = {
    ExamTip,
    DriftNote,
    NotesError,
    FlowLogRecord,
    Topology,
    // Inline questions record their attempts against this lesson.
    TryIt: (props: { family: string; seed: number; difficulty?: number; concept?: string }) => (
      <TryIt {...props} lessonSlug={lesson.slug} />
    ),
    h2: H2,
    h3: H3,
    // Code blocks and tables scroll sideways on narrow screens: focusable and named so keyboards can scroll them.
    // A table is named after the heading it sits under (remarkTableLabels); "Table" only if none precedes it.
    pre: (props: ComponentProps<"pre">) => (
      <pre {...props} className="scroll-region" tabIndex={0} aria-label="Code example" />
    ),
    table: (props: ComponentProps<"table">) => (
      <table {...props} className="scroll-region" tabIndex={0} aria-label={props["aria-label"] ?? "Table"} />
    ),
  };
  return (
    <article data-lesson={lesson.slug}>
      <p className="lesson-meta">
        <Link href="/lessons">Lessons</Link> · Lesson {lesson.order} · {lesson.frontmatter.minutes} min
      </p>
      <h1>{lesson.frontmatter.title}</h1>
      <p className="lede">{lesson.frontmatter.summary}</p>
      <div className="lesson-layout">
        <nav className="toc" aria-label="On this page">
          <ol>
            {lesson.headings.map((heading) => (
              <li key={heading.id} className={heading.depth === 3 ? "toc-sub" : undefined}>
                <a href={`#${heading.id}`}>{heading.text.replace(/[`*]/g, "")}</a>
              </li>
            ))}
          </ol>
        </nav>
        <div className="prose">
          <Content components={components} />
          <MarkRead slug={lesson.slug} />
        </div>
      </div>
      <nav className="pager" aria-label="Lessons">
        {previous ? <Link href={`/lessons/${previous.slug}`}>← {previous.frontmatter.title}</Link> : <span />}
        {next ? <Link href={`/lessons/${next.slug}`}>{next.frontmatter.title} →</Link> : <span />}
      </nav>
    </article>
  );
}
