// vitest setup: adds jest-dom's DOM matchers (toBeInTheDocument, toHaveAttribute…) to expect.
import '@testing-library/jest-dom/vitest';
