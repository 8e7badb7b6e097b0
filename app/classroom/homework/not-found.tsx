import { NotFoundPage } from "@/app/components/not-found-page";

/** /classroom/homework/<code> for a code that names no homework. */
export default function HomeworkNotFound() {
  return (
    <NotFoundPage
      text="No homework has this code. Check the link your teacher gave you; the code is the last part of the link."
      links={[
        { href: "/classroom", label: "Classroom" },
        { href: "/practice", label: "Practice on your own" },
      ]}
    />
  );
}
