import type { StoredFit } from "@/lib/db/srs";

const score = (value: number) => value.toFixed(4);

/**
 * The last fit's scores, with what they mean. A fit scored on held-out reviews compares, on the learner's
 * latest reviews, the parameters they had with parameters fitted to the earlier reviews only: a fair test of
 * whether fitting helps. Older fits were scored on the reviews they were fitted to, which always flatters them.
 */
export function FitTable({ fit }: { fit: StoredFit }) {
  const { heldOut } = fit;
  const better = fit.after.logLoss < fit.before.logLoss;
  return (
    <>
      <table className="review-deck" data-testid="fsrs-fit" data-held-out={heldOut ? "yes" : "no"}>
        <caption>
          {heldOut
            ? `How well FSRS predicted your latest ${heldOut.testReviews} reviews, which the fit below did not see (lower is better)`
            : `How well FSRS predicts the ${fit.reviews} reviews it was fitted to (lower is better)`}
        </caption>
        <thead>
          <tr>
            <th scope="col">Parameters</th>
            <th scope="col">Log loss</th>
            <th scope="col">RMSE</th>
          </tr>
        </thead>
        <tbody>
          <tr data-fit="before">
            <th scope="row">Before this fit</th>
            <td>{score(fit.before.logLoss)}</td>
            <td>{score(fit.before.rmse)}</td>
          </tr>
          <tr data-fit="after">
            <th scope="row">
              {heldOut ? `Fitted to your earlier ${heldOut.trainReviews} reviews` : "Fitted to you"}
            </th>
            <td>{score(fit.after.logLoss)}</td>
            <td>{score(fit.after.rmse)}</td>
          </tr>
        </tbody>
      </table>
      <p className="review-muted" data-testid="fsrs-fit-meaning">
        {heldOut
          ? `Log loss and RMSE measure how far FSRS's predicted chance of recall was from what you actually recalled. ` +
            `To test fitting fairly, the optimiser was fitted to your earlier ${heldOut.trainReviews} reviews and ` +
            `scored on the latest ${heldOut.testReviews}, the way FSRS's own benchmark evaluates it. ` +
            (better
              ? "There it predicted better than the parameters you had. "
              : "There it did not predict better than the parameters you had: with few reviews the fit can follow noise. ") +
            `The parameters now scheduling your reviews were then fitted to all ${fit.reviews} reviews, as Anki does, ` +
            `so they use everything you have done.`
          : "These scores are on the same reviews the parameters were fitted to, so they flatter the fit. " +
            "Optimise again for a fair test on reviews the fit has not seen."}
      </p>
    </>
  );
}
