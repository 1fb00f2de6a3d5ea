export default function NoConversation() {
  return (
    <div className="flex flex-1 items-center justify-center bg-slate-50 p-8 text-center">
      <div>
        <p className="font-medium text-slate-800">Choose a conversation</p>
        <p className="mt-1 text-sm text-slate-500">
          Or start a new one with the New message button.
        </p>
      </div>
    </div>
  );
}
