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

/** Loads the binding; tests pass one that fails, to take the unavailable path on any platform. */
export type BindingImport = () => Promise<Binding>;

const importBinding: BindingImport = () => import("@open-spaced-repetition/binding");

/**
 * The optimizer, or a sentence saying it is unavailable on this server and why. Nothing else in the app
 * imports the binding, so a platform without its native part (0.5.0 ships a prebuilt binary only for some
 * platforms; npm skips the others silently, and the binding's loader then throws on import) loses fitting,
 * never scheduling: cards keep being scheduled with the default or stored parameters. Node caches the import,
 * so calling this per page view is cheap.
 */
export async function loadFsrsOptimiser(
  load: BindingImport = importBinding,
): Promise<FsrsOptimiser | string> {
  let binding: Binding;
  try {
    binding = await load();
  } catch {
    // The loader's own message advises reinstalling node_modules: for an operator, not a learner. The platform
    // is what decides (0.5.0 has no binary for many), so the sentence names it.
    return `Optimisation is unavailable on this server: the FSRS optimiser has no native build that loads on ${process.platform}-${process.arch}.`;
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
