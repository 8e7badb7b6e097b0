"use client";

import { useSyncExternalStore } from "react";
import { formatDateTime, formatLocalDateTime, machineDateTime } from "@/app/format-date";

const noChange = () => () => {};

/**
 * A deadline in the viewer's own time ("2026-12-09 19:00 your time (UTC+01:00)"), with UTC in the tooltip. The
 * server and the hydrating browser render the UTC text (the server cannot know the viewer's zone); the browser
 * then switches to its own clock.
 */
export function LocalDateTime({ at }: { at: Date | string }) {
  const inBrowser = useSyncExternalStore(
    noChange,
    () => true,
    () => false,
  );
  const utc = formatDateTime(at);
  return (
    <time dateTime={machineDateTime(at)} title={utc} data-testid="local-date-time">
      {inBrowser ? formatLocalDateTime(at) : utc}
    </time>
  );
}
