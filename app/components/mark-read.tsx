"use client";

import { useEffect, useRef } from "react";

/** Marks the lesson read once this marker (placed at the end of the lesson, after the recap) scrolls into view. */
export function MarkRead({ slug }: { slug: string }) {
  const marker = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = marker.current;
    if (!element) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) {
        observer.disconnect();
        void fetch(`/api/lessons/${slug}/read`, { method: "POST" });
      }
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [slug]);
  return <div ref={marker} data-mark-read={slug} aria-hidden="true" />;
}
