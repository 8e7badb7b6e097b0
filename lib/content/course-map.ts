// The sentence above the home page's topic cards, computed from the lesson order so it cannot drift from /lessons.

/** A lesson as the course map sees it: its place in the course and the topic card it is listed on (if any). */
export type CourseMapLesson = {
  readonly slug: string;
  readonly title: string;
  readonly order: number;
  /** The topic card that lists it; undefined for a lesson that frames the course (it is on no card). */
  readonly topic: string | undefined;
};

export type CourseMapPart =
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "lesson"; readonly slug: string; readonly title: string; readonly order: number };

const text = (value: string): CourseMapPart => ({ kind: "text", text: value });
const lesson = (entry: CourseMapLesson): CourseMapPart => ({
  kind: "lesson",
  slug: entry.slug,
  title: entry.title,
  order: entry.order,
});

/**
 * "Start with <first lesson>, then work through the topics below, and finish with <last lesson>." The lessons on
 * no topic card are named where they sit in the course: the first lesson of the course is the start, the last the
 * finish, and any other one is named with its number ("with 5. … along the way"), so that every lesson appears on
 * the home page exactly once and the sentence never says "finish" about a lesson in the middle.
 */
export function courseMapIntro(lessons: readonly CourseMapLesson[]): CourseMapPart[] {
  const ordered = [...lessons].sort((a, b) => a.order - b.order);
  const framing = ordered.filter((entry) => entry.topic === undefined);
  if (framing.length === 0) return [];
  const first = ordered[0];
  const last = ordered[ordered.length - 1];
  const start = first && framing.includes(first) ? first : undefined;
  const finish = last && last !== start && framing.includes(last) ? last : undefined;
  const between = framing.filter((entry) => entry !== start && entry !== finish);
  const onCards = ordered.some((entry) => entry.topic !== undefined);
  const parts: CourseMapPart[] = [];
  if (start) parts.push(text("Start with "), lesson(start));
  if (onCards)
    parts.push(text(start ? ", then work through the topics below" : "Work through the topics below"));
  if (between.length > 0) {
    parts.push(text(parts.length === 0 ? "Take " : ", with "));
    between.forEach((entry, index) => {
      if (index > 0) parts.push(text(index === between.length - 1 ? " and " : ", "));
      parts.push(lesson(entry));
    });
    parts.push(text(" along the way"));
  }
  if (finish) parts.push(text(parts.length === 0 ? "Finish with " : ", and finish with "), lesson(finish));
  parts.push(text("."));
  return parts;
}
