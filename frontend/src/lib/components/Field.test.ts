// Tests the labelled field: the label names the control, and the hint and error describe it, the error as an alert.
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import FieldHarness from '../../test/FieldHarness.svelte';

describe('Field', () => {
  it('labels the control it wraps, which stays the form’s own (bound, typed into)', async () => {
    const user = userEvent.setup();
    render(FieldHarness);
    const input = screen.getByLabelText('Email');
    expect(input).toHaveAttribute('id', 'email');
    expect(input).toHaveAttribute('type', 'email');
    expect(input.closest('div')).toHaveClass('field');
    await user.type(input, 'grace@example.com');
    expect(screen.getByTestId('typed')).toHaveTextContent('grace@example.com');
  });

  it('without a hint or an error, describes nothing and is valid', () => {
    render(FieldHarness);
    const input = screen.getByLabelText('Email');
    expect(input).toHaveAttribute('aria-invalid', 'false');
    expect(input).not.toHaveAttribute('aria-describedby');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('describes the control with its hint', () => {
    render(FieldHarness, { hint: 'Where the offer goes.' });
    const input = screen.getByLabelText('Email');
    expect(input).toHaveAccessibleDescription('Where the offer goes.');
    expect(input).toHaveAttribute('aria-describedby', 'email-hint');
    expect(input).toHaveAttribute('aria-invalid', 'false');
  });

  it('announces an error as an alert, marks the control invalid and describes it with the hint first', async () => {
    const { rerender } = render(FieldHarness, { hint: 'Where the offer goes.' });
    const input = screen.getByLabelText('Email');
    await rerender({ hint: 'Where the offer goes.', error: 'not a valid email address' });
    expect(screen.getByRole('alert')).toHaveTextContent('not a valid email address');
    expect(screen.getByRole('alert')).toHaveAttribute('id', 'email-err');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAttribute('aria-describedby', 'email-hint email-err');
    expect(input).toHaveAccessibleDescription('Where the offer goes. not a valid email address');

    // The error cleared: the control is valid again and described by its hint only.
    await rerender({ hint: 'Where the offer goes.', error: '' });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(input).toHaveAttribute('aria-invalid', 'false');
    expect(input).toHaveAttribute('aria-describedby', 'email-hint');
  });

  it('keeps the ids a form already uses for its hint and error, and adds its classes to the wrapper', () => {
    render(FieldHarness, { id: 'your-name', label: 'Your name', hint: 'As colleagues know you.', hintId: 'name-hint', error: 'say your name', errorId: 'name-error', extra: 'grow' });
    const input = screen.getByLabelText('Your name');
    expect(input).toHaveAttribute('aria-describedby', 'name-hint name-error');
    expect(screen.getByRole('alert')).toHaveAttribute('id', 'name-error');
    expect(screen.getByText('As colleagues know you.')).toHaveAttribute('id', 'name-hint');
    expect(input.closest('.field')).toHaveClass('grow');
  });
});
