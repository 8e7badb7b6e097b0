import { NotFoundPage } from "@/app/components/not-found-page";

/** /lessons/<slug> for a slug that names no lesson. */
export default function LessonNotFound() {
  return (
    <NotFoundPage
      text="No lesson has this address. The lesson list has every lesson in course order."
      links={[
        { href: "/lessons", label: "Lessons" },
        { href: "/", label: "Course map" },
      ]}
    />
  );
}
