import { useEffect, useRef, type KeyboardEvent, type RefObject } from 'react';

/**
 * After a failed submit, focus goes to the first invalid field of the form, so a keyboard or
 * screen-reader user lands on the message instead of hunting for it. Call `request()` on failure.
 */
export const useFocusFirstError = (formRef: RefObject<HTMLFormElement | null>, errorCount: number) => {
  const pending = useRef(false);
  useEffect(() => {
    if (!pending.current || errorCount === 0) return;
    pending.current = false;
    const el = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    el?.focus();
  });
  return {
    request: () => {
      pending.current = true;
    },
  };
};

/** Enter on a select or a checkbox submits too, as it does in a text field (one-screen keyboard entry). */
export const submitOnEnter = (e: KeyboardEvent<HTMLFormElement>) => {
  const t = e.target as HTMLElement;
  const isSelect = t instanceof HTMLSelectElement;
  const isCheckbox = t instanceof HTMLInputElement && t.type === 'checkbox';
  if (e.key === 'Enter' && (isSelect || isCheckbox)) {
    e.preventDefault();
    e.currentTarget.requestSubmit();
  }
};
