import type { Metadata } from "next";

/** The title of every "This page does not exist" page: the root not-found and a dynamic route's missing record. */
export const NOT_FOUND_TITLE = "Page not found";

/**
 * The metadata of a dynamic route: its title when its record exists, else the not-found title. A page that calls
 * notFound() keeps its own title in the tab unless its metadata says so itself (an exam id that does not exist
 * was titled "Exam result").
 */
export function titleUnlessMissing(found: boolean, title: string): Metadata {
  return { title: found ? title : NOT_FOUND_TITLE };
}
