// The browser side of on-screen.ts: remember the answered card, forget it on "Next card" and on undo.
import { ON_SCREEN_COOKIE, encodeOnScreen, type OnScreen } from "./on-screen";

export function rememberOnScreen(value: OnScreen): void {
  document.cookie = `${ON_SCREEN_COOKIE}=${encodeOnScreen(value)}; path=/review; max-age=86400; samesite=lax`;
}

export function forgetOnScreen(): void {
  document.cookie = `${ON_SCREEN_COOKIE}=; path=/review; max-age=0; samesite=lax`;
}
