import type { ClassroomView } from "@/lib/classroom/classroom-view";

type Options = NonNullable<ClassroomView["question"]>["options"];

// Kahoot's convention: each option has a colour, a shape and a letter, so a player matches the projector's tile to
// their phone's by any of the three (the shape and letter also serve colour-blind players).
const SHAPES = ["▲", "◆", "●", "■"] as const;

/** The letter and shape of the option at `index`, the same on the projector, the phones and the reveal. */
export function TileMark({ index }: { index: number }) {
  const letter = String.fromCharCode(65 + (index % 26));
  return (
    <span className="tile-mark" aria-hidden="true">
      <span className="tile-shape">{SHAPES[index % SHAPES.length]}</span>
      {letter}
    </span>
  );
}

/**
 * The open question's options as the projector shows them: large coloured tiles the room reads while answering on
 * their phones. Built from the question's options only (id and text), which carry no key, so nothing here can
 * mark the right answer before the reveal.
 */
export function HostTiles({ options }: { options: Options }) {
  return (
    <ol className="classroom-tiles classroom-host-tiles" data-testid="host-tiles" aria-label="Answers">
      {options.map((option, index) => (
        <li key={option.id} className={`classroom-tile tile-${index % 4}`} data-option-id={option.id}>
          <TileMark index={index} />
          <span className="tile-text">{option.text}</span>
        </li>
      ))}
    </ol>
  );
}
