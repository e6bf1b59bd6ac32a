import { Checkbox, Fieldset, Radio, ValidationMessage } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { useController } from 'react-hook-form';

import { choiceClass, useFormKit } from '../form-kit/form-kit';

import styles from './choice-group.module.css';

export type Choice<T extends string> = { value: T; label: ReactNode; description?: ReactNode };

type Layout = 'row' | 'grid' | 'column';

type Props<T extends string> = {
  name: string;
  legend: ReactNode;
  description?: ReactNode;
  choices: readonly Choice<T>[];
  /** `row`: side by side (short answers); `grid`: two columns on wide screens; `column`: one under the other. */
  layout?: Layout;
  className?: string;
};

function Group({ id, legend, description, error, layout, className, children }: { id: string; legend: ReactNode; description?: ReactNode; error?: string; layout: Layout; className?: string | undefined; children: ReactNode }) {
  return (
    <Fieldset id={id} className={className ?? styles.group}>
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      {description ? <Fieldset.Description>{description}</Fieldset.Description> : null}
      <div className={styles[layout]}>{children}</div>
      {error ? <ValidationMessage>{error}</ValidationMessage> : null}
    </Fieldset>
  );
}

/** One answer of several, as radio buttons in a fieldset with its legend and error. */
export function RadioGroup<T extends string>({ name, legend, description, choices, layout = 'row', className }: Props<T>) {
  const { form, message } = useFormKit();
  const { field } = useController({ name, control: form.control });
  return (
    <Group id={form.id(name)} legend={legend} description={description} error={message(name)} layout={layout} className={className}>
      {choices.map((choice) => (
        <Radio
          key={choice.value}
          name={name}
          value={choice.value}
          label={choice.label}
          description={choice.description}
          checked={field.value === choice.value}
          onChange={() => field.onChange(choice.value)}
          onBlur={field.onBlur}
          className={choiceClass}
        />
      ))}
    </Group>
  );
}

/** Any number of answers, as checkboxes in a fieldset; the value is the ticked choices in the order they were ticked. */
export function CheckboxGroup<T extends string>({ name, legend, description, choices, layout = 'grid', className }: Props<T>) {
  const { form, message } = useFormKit();
  const { field } = useController({ name, control: form.control });
  const selected = (field.value ?? []) as T[];
  return (
    <Group id={form.id(name)} legend={legend} description={description} error={message(name)} layout={layout} className={className}>
      {choices.map((choice) => (
        <Checkbox
          key={choice.value}
          name={name}
          value={choice.value}
          label={choice.label}
          description={choice.description}
          checked={selected.includes(choice.value)}
          onChange={(event) => {
            const rest = selected.filter((item) => item !== choice.value);
            field.onChange(event.target.checked ? [...rest, choice.value] : rest);
          }}
          className={choiceClass}
        />
      ))}
    </Group>
  );
}
