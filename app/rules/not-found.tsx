import { NotFoundPage } from "@/app/components/not-found-page";

/** /rules/<id> for an id that names no rule. */
export default function RuleNotFound() {
  return (
    <NotFoundPage
      text="No AWS rule has this id. Rule ids look like PCX-02 or TGW-04; the list has them all."
      links={[
        { href: "/rules", label: "AWS rules" },
        { href: "/lessons", label: "Lessons" },
        { href: "/practice", label: "Practice" },
      ]}
    />
  );
}
