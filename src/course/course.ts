/** Course-level copy shown on the home page. Lesson-level data lives in the lessons' frontmatter. */
export const course = {
  title: 'Lambda Foundations',
  tagline: 'Learn AWS Lambda by running it.',
  description:
    'A hands-on course on AWS Lambda that runs entirely in your browser. Read a short lesson, then see the ideas at work in a simulated Lambda execution environment: invocations, cold starts, logs and errors, with nothing to install and no AWS account needed.',
  audience:
    'For developers new to serverless, and for anyone who wants to know what Lambda really does with their code.',
  objectives: [
    'Define AWS Lambda and describe how it runs your code',
    'Describe the benefits of serverless and identify good use cases',
    'Explain invocation models and the execution environment lifecycle',
    'Examine Lambda permissions: execution roles and resource-based policies',
    'Apply best practices for writing, deploying and testing functions',
    'Choose configuration, then monitor and troubleshoot functions in production',
  ],
} as const
