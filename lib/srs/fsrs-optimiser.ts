import type * as BindingModule from "@open-spaced-repetition/binding";
import { type FsrsOptimiser, type OptimiserItem } from "./optimise";

// The one boundary to the FSRS optimizer (@open-spaced-repetition/binding, fsrs-rs compiled for Node). It is
// imported lazily: npm installs its native part as an optional, per-platform package, and a platform without
// one must still run the app (scheduling does not need the optimizer), only fitting is then unavailable.

type Binding = typeof BindingModule;

/**
 * Short-term (same-day) reviews are modelled because the scheduler uses learning steps (1m, 10m) and one
 * relearning step (10m), so the fit matches how cards are actually scheduled.
 */
const RELEARNING_STEPS = 1;

function toBindingItems(binding: Binding, items: readonly OptimiserItem[]) {
  return items.map(
    (item) =>
      new binding.FSRSBindingItem(
        item.map((review) => new binding.FSRSBindingReview(review.rating, review.deltaT)),
      ),
  );
}

/** The optimizer, or a sentence saying why it cannot be loaded on this server. */
export async function loadFsrsOptimiser(): Promise<FsrsOptimiser | string> {
  let binding: Binding;
  try {
    binding = await import("@open-spaced-repetition/binding");
  } catch (error) {
    const detail = error instanceof Error ? error.message.split("\n")[0] : String(error);
    return `The FSRS optimiser is not available on this server (${detail}).`;
  }
  return {
    fit: async (items) =>
      binding.computeParameters(toBindingItems(binding, items), {
        enableShortTerm: true,
        numRelearningSteps: RELEARNING_STEPS,
      }),
    // evaluate is synchronous in the binding; the interface is async so a worker-based optimiser fits too.
    evaluate: (items, parameters) => {
      const evaluation = new binding.FSRSBinding([...parameters]).evaluate(toBindingItems(binding, items));
      return Promise.resolve({ logLoss: evaluation.logLoss, rmse: evaluation.rmseBins });
    },
  };
}
