import { useEffect, useRef } from 'react';

/** True when the key press happens while typing somewhere (then a letter is a character, not a shortcut). */
export const isTypingTarget = (el: EventTarget | null) =>
  el instanceof HTMLElement &&
  (el.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) ||
    el.closest('[role="dialog"], dialog[open]') !== null);

/** A single-key shortcut on the page (no modifier, focus outside any field or dialog). */
export const useKeyShortcut = (key: string, handler: () => void, enabled = true) => {
  const ref = useRef(handler);
  useEffect(() => {
    ref.current = handler;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== key || e.ctrlKey || e.metaKey || e.altKey || e.repeat || isTypingTarget(e.target)) return;
      if (document.querySelector('dialog[open], .fr-modal--opened')) return;
      e.preventDefault();
      ref.current();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [key, enabled]);
};
