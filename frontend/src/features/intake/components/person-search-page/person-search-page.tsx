import { Button, Heading, Link, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { PlusIcon } from '@navikt/aksel-icons';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useSearchParams } from 'react-router';

import { usePageTitle } from '@/components/page-title/use-page-title';
import { Loading, ProblemAlert } from '@/components/query-state/query-state';
import { useSession } from '@/lib/auth';
import { formatShortDate } from '@/lib/dates';
import { useLocalize } from '@/lib/i18n';
import { useDebouncedValue } from '@/lib/use-debounced-value';

import { isSearchable, useSearchPersons } from '../../api/search-persons';
import type { PersonSummary } from '../../api/types';
import { canRegister } from '../../lib/permissions';
import { NEW_PERSON_PATH, personPath } from '../../paths';

import styles from './person-search-page.module.css';

const QUERY_PARAM = 'q';
const DEBOUNCE_MS = 300;


function ResultsTable({ persons, q }: { persons: PersonSummary[]; q: string }) {
  const { t } = useTranslation();
  const { language } = useLocalize();
  const captionId = useId();
  return (
    <div className={styles.tableWrap} role="region" aria-labelledby={captionId} tabIndex={0}>
      <Table zebra border className={styles.table} data-testid="person-results">
        <caption id={captionId} className={styles.caption}>
          {t('intake.search.caption', { q })}
        </caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('intake.search.column.name')}</Table.HeaderCell>
            <Table.HeaderCell scope="col" className={styles.wide}>
              {t('intake.search.column.birthDate')}
            </Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('intake.search.column.nationalId')}</Table.HeaderCell>
            <Table.HeaderCell scope="col" className={styles.wide}>
              {t('intake.search.column.city')}
            </Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {persons.map((person) => (
            <Table.Row key={person.id}>
              <Table.HeaderCell scope="row">
                <Link asChild>
                  <RouterLink to={personPath(person.id)} className={styles.nameLink}>
                    {t('intake.personName', { given: person.given_name, family: person.family_name })}
                  </RouterLink>
                </Link>
                {/* On a phone birth date and town move under the name; either these or the columns are hidden. */}
                <span className={styles.narrow}>{t('intake.person.born', { date: formatShortDate(person.birth_date, language) })}</span>
                {person.city ? <span className={styles.narrow}>{person.city}</span> : null}
              </Table.HeaderCell>
              <Table.Cell className={`${styles.nowrap} ${styles.wide}`}>{formatShortDate(person.birth_date, language)}</Table.Cell>
              <Table.Cell className={styles.nowrap}>{person.national_id_masked}</Table.Cell>
              <Table.Cell className={styles.wide}>
                {person.city || <span className={styles.subtle}>{t('intake.notGiven')}</span>}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

/** /personer: find a person by name or national id; caseworkers can register a new one. */
export function PersonSearchPage() {
  const { t } = useTranslation();
  usePageTitle(t('intake.search.title'));
  const session = useSession();
  const [searchParams, setSearchParams] = useSearchParams();
  const [text, setText] = useState(() => searchParams.get(QUERY_PARAM) ?? '');
  const q = useDebouncedValue(text.trim(), DEBOUNCE_MS);
  const search = useSearchPersons(q);

  // The search stays in the address, so «back» from a person returns to the same results.
  useEffect(() => {
    const current = searchParams.get(QUERY_PARAM) ?? '';
    if (current === q) return;
    const next = new URLSearchParams(searchParams);
    if (q) next.set(QUERY_PARAM, q);
    else next.delete(QUERY_PARAM);
    setSearchParams(next, { replace: true });
  }, [q, searchParams, setSearchParams]);

  const searchable = isSearchable(q);
  const persons = search.data?.pages.flatMap((page) => page.items) ?? [];
  const settled = searchable && search.isSuccess && !search.isFetching && !search.isPlaceholderData;

  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <div className={styles.titleRow}>
          <Heading level={1} data-size="lg">
            {t('intake.search.title')}
          </Heading>
          {session && canRegister(session.user.roles) ? (
            <Button asChild variant="primary">
              <RouterLink to={NEW_PERSON_PATH}>
                <PlusIcon aria-hidden fontSize="1.5em" />
                {t('intake.search.register')}
              </RouterLink>
            </Button>
          ) : null}
        </div>
        <Paragraph className={styles.intro}>{t('intake.search.intro')}</Paragraph>
      </header>

      <form role="search" className={styles.search} onSubmit={(event) => event.preventDefault()}>
        <Textfield
          type="search"
          label={t('intake.search.label')}
          description={t('intake.search.description')}
          value={text}
          onChange={(event) => setText(event.target.value)}
          autoComplete="off"
          spellCheck={false}
          data-testid="person-search"
        />
      </form>

      <div aria-live="polite" className={styles.status}>
        {searchable && search.isFetching && !search.isFetchingNextPage ? <Loading label={t('intake.search.searching')} /> : null}
        {settled ? (
          <Paragraph data-size="sm" className={persons.length === 0 ? undefined : styles.subtle} data-testid="search-status">
            {persons.length === 0 ? t('intake.search.empty', { q }) : t('intake.search.shown', { count: persons.length })}
          </Paragraph>
        ) : null}
      </div>

      {!searchable ? <Paragraph className={styles.subtle}>{t('intake.search.hint')}</Paragraph> : null}
      {searchable && search.isError ? <ProblemAlert error={search.error} onRetry={() => void search.refetch()} /> : null}

      {settled && persons.length === 0 ? (
        <div className={styles.empty}>
          <Paragraph>{t('intake.search.emptyHelp')}</Paragraph>
          {session && canRegister(session.user.roles) ? (
            <Paragraph>
              <Link asChild>
                <RouterLink to={NEW_PERSON_PATH}>{t('intake.search.emptyRegister')}</RouterLink>
              </Link>
            </Paragraph>
          ) : null}
        </div>
      ) : null}

      {searchable && persons.length > 0 ? <ResultsTable persons={persons} q={q} /> : null}

      {searchable && search.hasNextPage ? (
        <Button
          variant="secondary"
          className={styles.more}
          onClick={() => void search.fetchNextPage()}
          loading={search.isFetchingNextPage}
        >
          {t('intake.search.more')}
        </Button>
      ) : null}
    </div>
  );
}
