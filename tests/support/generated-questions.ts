import { findFamily } from "../../lib/scenario/registry";
import type { Difficulty, Question } from "../../lib/scenario/question";
import { must } from "./must";

const DIFFICULTIES: readonly Difficulty[] = [1, 2, 3];

/**
 * Seeds 0..seeds-1 of a family at each difficulty it offers, generated once per family for the file that asks:
 * pattern checks over many seeds share one generation.
 */
export function generatedQuestions(seeds: number): (family: string) => Question[] {
  const generated = new Map<string, Question[]>();
  return (family) => {
    let list = generated.get(family);
    if (!list) {
      const f = must(findFamily(family));
      list = [];
      for (const d of DIFFICULTIES) {
        if (!f.difficulties.includes(d)) continue;
        for (let seed = 0; seed < seeds; seed += 1) list.push(f.generate(seed, d));
      }
      generated.set(family, list);
    }
    return list;
  };
}
