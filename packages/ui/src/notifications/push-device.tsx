/**
 * "Push notifications on this device": registers the service worker, subscribes this browser
 * with the server's VAPID key and saves the subscription, or undoes both. Only on a click.
 */
import { useEffect, useState } from "react";
import { trpc } from "../trpc";

type DeviceState =
  | { kind: "unknown" }
  | { kind: "unsupported" }
  | { kind: "ready"; subscribed: boolean }
  | { kind: "working" };

const SERVICE_WORKER_URL = "/sw.js";

function pushSupported(): boolean {
  return (
    typeof window !== "undefined" &&
    "serviceWorker" in navigator &&
    "PushManager" in window &&
    "Notification" in window
  );
}

async function currentSubscription(): Promise<PushSubscription | null> {
  const registration = await navigator.serviceWorker.getRegistration(SERVICE_WORKER_URL);
  return (await registration?.pushManager.getSubscription()) ?? null;
}

function keysOf(subscription: PushSubscription): { p256dh: string; auth: string } {
  const keys = subscription.toJSON().keys ?? {};
  return { p256dh: keys.p256dh ?? "", auth: keys.auth ?? "" };
}

export function PushDevice({ channelOn }: { channelOn: boolean }) {
  const config = trpc.push.config.useQuery(undefined, { staleTime: Number.POSITIVE_INFINITY });
  const utils = trpc.useUtils();
  const subscribe = trpc.push.subscribe.useMutation();
  const unsubscribe = trpc.push.unsubscribe.useMutation();
  const [state, setState] = useState<DeviceState>({ kind: "unknown" });
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!pushSupported()) {
      setState({ kind: "unsupported" });
      return;
    }
    let live = true;
    (async () => {
      const subscription = await currentSubscription();
      const subscribed = subscription
        ? (await utils.push.status.fetch({ endpoint: subscription.endpoint })).subscribed
        : false;
      if (live) setState({ kind: "ready", subscribed });
    })().catch(() => live && setState({ kind: "ready", subscribed: false }));
    return () => {
      live = false;
    };
  }, [utils]);

  const turnOn = async (publicKey: string) => {
    if ((await Notification.requestPermission()) !== "granted")
      throw new Error("This browser blocks notifications from this site; allow them first.");
    const registration = await navigator.serviceWorker.register(SERVICE_WORKER_URL);
    await navigator.serviceWorker.ready;
    const subscription =
      (await registration.pushManager.getSubscription()) ??
      (await registration.pushManager.subscribe({
        userVisibleOnly: true,
        applicationServerKey: publicKey,
      }));
    await subscribe.mutateAsync({ endpoint: subscription.endpoint, keys: keysOf(subscription) });
  };

  const turnOff = async () => {
    const subscription = await currentSubscription();
    if (!subscription) return;
    await unsubscribe.mutateAsync({ endpoint: subscription.endpoint });
    await subscription.unsubscribe();
  };

  const toggle = async (on: boolean) => {
    if (!config.data) return;
    setProblem(null);
    setState({ kind: "working" });
    try {
      if (on) await turnOn(config.data.publicKey);
      else await turnOff();
      setState({ kind: "ready", subscribed: on });
    } catch (error) {
      setProblem(
        error instanceof Error && error.message
          ? `Push couldn't be turned ${on ? "on" : "off"}: ${error.message}`
          : `Push couldn't be turned ${on ? "on" : "off"} in this browser.`,
      );
      setState({ kind: "ready", subscribed: !on });
    }
  };

  if (state.kind === "unknown" || !config.data?.offered) return null;
  if (state.kind === "unsupported")
    return (
      <p className="mt-2 ml-7 text-sm text-slate-600">
        This browser can't receive push notifications.
      </p>
    );
  return (
    <div className="mt-2 ml-7 text-sm text-slate-600">
      <label className="flex items-center gap-3 font-medium text-slate-800">
        <input
          type="checkbox"
          className="h-4 w-4 rounded border-slate-300 text-brand-600 focus:ring-2 focus:ring-brand-500 disabled:opacity-50"
          checked={state.kind === "ready" && state.subscribed}
          disabled={state.kind === "working"}
          aria-describedby="push-device-hint"
          onChange={(event) => toggle(event.target.checked)}
        />
        Push notifications on this device
      </label>
      <p id="push-device-hint" className="mt-1">
        {channelOn
          ? "Messages reach this device even with no tab of the app open."
          : "Push is switched off above, so this device gets nothing until it's back on."}
      </p>
      <p role="status" className="mt-1 text-red-600">
        {problem}
      </p>
    </div>
  );
}
