/** Where a conversation is loading: the shape of a thread, so the pane does not sit still. */
export function ThreadSkeleton() {
  const bubbles = ["w-2/3", "ml-auto w-1/2", "w-1/3", "ml-auto w-3/5", "w-1/2"];
  return (
    <div className="flex h-full flex-col" role="status" aria-busy="true">
      <span className="sr-only">Loading conversation…</span>
      <div className="border-b border-slate-200 px-4 py-3">
        <div className="h-4 w-40 animate-pulse rounded bg-slate-200" />
        <div className="mt-2 h-3 w-64 animate-pulse rounded bg-slate-100" />
      </div>
      <div className="flex flex-1 flex-col justify-end gap-3 bg-slate-50 px-4 py-3">
        {bubbles.map((width) => (
          <div key={width} className={`h-9 animate-pulse rounded-2xl bg-slate-200 ${width}`} />
        ))}
      </div>
      <div className="border-t border-slate-200 p-3">
        <div className="h-11 animate-pulse rounded-xl bg-slate-100" />
      </div>
    </div>
  );
}
