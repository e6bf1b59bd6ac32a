import { Fieldset, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useId, type FormHTMLAttributes, type ReactNode } from 'react';

import { visuallyHidden } from '../visually-hidden/visually-hidden';

import styles from './form-section.module.css';

/** The form element: sections one under the other, with room between them. */
export function FormLayout({ className, ...props }: FormHTMLAttributes<HTMLFormElement>) {
  return <form noValidate {...props} className={className ? `${styles.form} ${className}` : styles.form} />;
}

type Props = {
  heading: ReactNode;
  /** The heading's id, when something else points to it; one is made otherwise. */
  headingId?: string;
  /** The id of the section itself (the error summary links a group's error here). */
  id?: string;
  description?: ReactNode;
  /** The heading is for screen readers only. */
  hideHeading?: boolean;
  /** `highlight`: the person's own words, tinted; `subsection`: a part of a section under a rule (h3). */
  variant?: 'default' | 'highlight' | 'subsection';
  /** A fieldset whose legend is the heading: for a group of inputs that belong together (contact, urgency). */
  asFieldset?: boolean;
  className?: string;
  children: ReactNode;
};

/** A part of a form under an h2 (h3 for a subsection), labelled by its heading. */
export function FormSection({ heading, headingId, id, description, hideHeading, variant = 'default', asFieldset, className, children }: Props) {
  const madeId = useId();
  const titleId = headingId ?? madeId;
  const classes = [variant === 'subsection' ? styles.subsection : styles.section, variant === 'highlight' ? styles.highlight : '', className ?? '']
    .filter(Boolean)
    .join(' ');
  const title = (
    <Heading level={variant === 'subsection' ? 3 : 2} data-size={variant === 'subsection' ? 'xs' : 'sm'} id={titleId} className={hideHeading ? visuallyHidden : undefined}>
      {heading}
    </Heading>
  );
  if (asFieldset) {
    return (
      <Fieldset id={id} className={classes}>
        <Fieldset.Legend>{title}</Fieldset.Legend>
        {description ? <Fieldset.Description>{description}</Fieldset.Description> : null}
        {children}
      </Fieldset>
    );
  }
  return (
    <section aria-labelledby={titleId} id={id} className={classes}>
      {title}
      {description ? <Paragraph data-size="sm">{description}</Paragraph> : null}
      {children}
    </section>
  );
}
