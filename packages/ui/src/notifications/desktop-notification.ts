/** The browser's Notifications API, used only while the tab is in the background. */

export function desktopPermission(): NotificationPermission | "unsupported" {
  return typeof window !== "undefined" && "Notification" in window
    ? Notification.permission
    : "unsupported";
}

/** Asks for permission; call it only from a click (browsers ignore or penalise other calls). */
export async function askDesktopPermission(): Promise<NotificationPermission | "unsupported"> {
  if (desktopPermission() === "unsupported") return "unsupported";
  return Notification.requestPermission();
}

export function showDesktopNotification(
  message: { title: string; body: string; tag: string },
  open: () => void,
): void {
  if (desktopPermission() !== "granted") return;
  const notification = new Notification(message.title, { body: message.body, tag: message.tag });
  notification.onclick = () => {
    window.focus();
    open();
    notification.close();
  };
}
