import { useRef } from "react";
import { CameraIcon, PaperclipIcon } from "./icons";

const buttonClass =
  "rounded-xl border border-slate-300 px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500";

/**
 * The paper clip (any allowed file, several at once) and, on phones, the camera: `capture` opens
 * it directly where the browser supports that and is ignored elsewhere.
 */
export function AttachButtons({
  accept,
  onFiles,
  allowsImages,
}: {
  accept: string;
  onFiles: (files: File[]) => void;
  allowsImages: boolean;
}) {
  const fileInput = useRef<HTMLInputElement>(null);
  const cameraInput = useRef<HTMLInputElement>(null);
  const take = (input: HTMLInputElement | null) => {
    if (!input?.files) return;
    onFiles([...input.files]);
    input.value = "";
  };
  return (
    <>
      <button type="button" className={buttonClass} onClick={() => fileInput.current?.click()}>
        <PaperclipIcon />
        <span className="sr-only">Attach files</span>
      </button>
      <input
        ref={fileInput}
        type="file"
        multiple
        accept={accept}
        className="hidden"
        aria-label="Files to attach"
        onChange={(e) => take(e.currentTarget)}
      />
      {allowsImages ? (
        <>
          <button
            type="button"
            className={`${buttonClass} sm:hidden`}
            onClick={() => cameraInput.current?.click()}
          >
            <CameraIcon />
            <span className="sr-only">Take a photo</span>
          </button>
          <input
            ref={cameraInput}
            type="file"
            accept="image/*"
            capture="environment"
            aria-label="Photo to attach"
            className="hidden"
            onChange={(e) => take(e.currentTarget)}
          />
        </>
      ) : null}
    </>
  );
}
