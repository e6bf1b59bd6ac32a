import { useEffect, useRef, useState, type RefObject } from 'react';

/** What «Vis flere» needs of an infinite query. */
type Pages = {
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<{ isError: boolean; hasNextPage: boolean; data?: { pages: readonly { items: readonly unknown[] }[] } }>;
};

/** The props of the row that takes the focus: the first of the page just added. */
export type RowFocus = (index: number) => { ref?: RefObject<HTMLTableRowElement | null>; tabIndex?: number };

/**
 * «Vis flere» for a list fetched a page at a time. Once the next page's rows are shown the focus
 * moves to the first of them, so a keyboard or screen-reader user reads on where the new rows
 * begin, and is not thrown to the top of the page when the button goes away after the last page.
 * If the page fails, the focus stays on the button (and the error is shown); if the last page
 * turns out empty, the focus goes to the table's region.
 */
export function useShowMore(pages: Pages, shown: number, region: RefObject<HTMLElement | null>) {
  const [firstNew, setFirstNew] = useState<number | null>(null);
  const waiting = useRef(false);
  const firstNewRow = useRef<HTMLTableRowElement>(null);

  useEffect(() => {
    if (waiting.current && firstNew !== null && shown > firstNew) {
      waiting.current = false;
      firstNewRow.current?.focus();
    }
  }, [shown, firstNew]);

  const showMore = () => {
    if (pages.isFetchingNextPage) return; // a second click would start the page again
    waiting.current = true;
    setFirstNew(shown);
    void pages.fetchNextPage().then((result) => {
      if (result.isError) {
        waiting.current = false;
      } else if (!result.hasNextPage && (result.data?.pages.at(-1)?.items.length ?? 0) === 0) {
        waiting.current = false;
        region.current?.focus();
      }
    });
  };

  const rowFocus: RowFocus = (index) => (index === firstNew ? { ref: firstNewRow, tabIndex: -1 } : {});
  return { showMore, rowFocus };
}
