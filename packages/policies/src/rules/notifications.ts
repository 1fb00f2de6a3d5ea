/** Which notification channels carry news of a message. */
import { allow, deny } from "../decision";
import type { Rule } from "../decisions";
import type { NotifyInput } from "../inputs";
import { notificationLabels } from "../labels";

/** Browsers that support desktop notifications (seed 002). */
export const desktopNotificationBrowsers: readonly string[] = ["chrome", "firefox", "safari"];

export const notify: Rule<NotifyInput> = (
  knobs,
  { channel, preferences, browser, unsubscribed },
) => {
  // The in-app badge is the one signal a person can't switch off: it is where messages live.
  if (channel === "in_app") return allow("In-app notifications are always on.");
  const label = notificationLabels[channel];
  if (unsubscribed) {
    return deny(
      "notification_opted_out",
      `You unsubscribed from ${label.toLowerCase()} notifications.`,
    );
  }
  if (!knobs.notificationChannels.includes(channel)) {
    return deny("notification_channel_unavailable", `${label} notifications aren't available.`);
  }
  if (
    channel === "desktop" &&
    browser !== undefined &&
    !desktopNotificationBrowsers.includes(browser.toLowerCase())
  ) {
    return deny(
      "desktop_unsupported_browser",
      "Desktop notifications work only in Chrome, Firefox and Safari.",
    );
  }
  if (knobs.notificationPreferences && preferences?.[channel] === false) {
    return deny(
      "notification_opted_out",
      `${label} notifications are turned off in this person's settings.`,
    );
  }
  return allow(`${label} notifications are sent.`);
};
