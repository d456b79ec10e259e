import { useEffect } from 'react';

/** Each page has its own title ("Jalon — …"): it is the first thing a screen reader announces. */
export const useDocumentTitle = (title: string) => {
  useEffect(() => {
    document.title = title ? `Jalon — ${title}` : 'Jalon';
  }, [title]);
};
