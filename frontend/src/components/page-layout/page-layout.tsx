import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { ArrowLeftIcon } from '@navikt/aksel-icons';
import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';

import styles from './page-layout.module.css';

type Props = {
  /** The link back, above the heading. */
  back?: { to: string; label: string };
  title: ReactNode;
  /** The h1's id, for a form labelled by it. */
  titleId?: string;
  /** Whom or what the page is about, under the heading. */
  lead?: ReactNode;
  /** More of the page's header (an intro, tags). */
  intro?: ReactNode;
  children?: ReactNode;
  /** The content takes the whole width (lists of cards), not one narrow column. */
  wide?: boolean;
};

/** A page of a case: back link, heading and lead, then the content in one narrow column. */
export function PageLayout({ back, title, titleId, lead, intro, children, wide }: Props) {
  return (
    <div className={wide ? `${styles.page} ${styles.wide}` : styles.page}>
      {back ? (
        <Link asChild className={styles.back}>
          <RouterLink to={back.to}>
            <ArrowLeftIcon aria-hidden fontSize="1.25em" />
            {back.label}
          </RouterLink>
        </Link>
      ) : null}
      <header className={styles.header}>
        <Heading level={1} data-size="lg" id={titleId}>
          {title}
        </Heading>
        {lead ? <Paragraph className={styles.lead}>{lead}</Paragraph> : null}
        {intro}
      </header>
      {children}
    </div>
  );
}
