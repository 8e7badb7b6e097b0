import { NotFoundPage } from "@/app/components/not-found-page";

/** /lab/assignments/<id> for an id that names no lab assignment. */
export default function LabAssignmentNotFound() {
  return (
    <NotFoundPage
      text="No lab assignment has this address. Check the link your teacher gave you, or open the lab on its own."
      links={[
        { href: "/lab", label: "Lab" },
        { href: "/classroom", label: "Classroom" },
      ]}
    />
  );
}
