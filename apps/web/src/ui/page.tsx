import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { hasNavigated } from './router';

/**
 * Every page starts with its h1, which takes the focus when the page changes so that screen
 * readers announce it (RGAA 12.x), and names the document.
 */
export function Page({
  title,
  brand,
  children,
}: {
  title: string;
  brand: string;
  children: ComponentChildren;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – ${brand}`;
    if (hasNavigated()) heading.current?.focus();
  }, [title, brand]);
  return (
    <>
      <h1 tabIndex={-1} ref={heading}>
        {title}
      </h1>
      {children}
    </>
  );
}
