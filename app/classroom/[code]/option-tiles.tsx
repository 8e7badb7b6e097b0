import type { ClassroomView } from "@/lib/classroom/classroom-view";

type Options = NonNullable<ClassroomView["question"]>["options"];

// Kahoot's convention: each option has a colour, a shape and a letter, so a player matches the projector's tile to
// their phone's by any of the three (the shape and letter also serve colour-blind players).
const SHAPES = ["▲", "◆", "●", "■"] as const;

/** Characters past which an option's text is long for a projector tile. */
const LONG_OPTION = 100;

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
  // Exam-style options run to 300 characters: their text steps down a size so the stem, the four tiles and the
  // clock still share one projector screen.
  const long = options.some((option) => option.text.length > LONG_OPTION);
  return (
    <ol
      className={`classroom-tiles classroom-host-tiles${long ? " classroom-tiles-long" : ""}`}
      data-testid="host-tiles"
      aria-label="Answers"
    >
      {options.map((option, index) => (
        <li key={option.id} className={`classroom-tile tile-${index % 4}`} data-option-id={option.id}>
          <TileMark index={index} />
          <span className="tile-text">{option.text}</span>
        </li>
      ))}
    </ol>
  );
}
