import type { withdraw as ja } from '../ja/withdraw.ts';

/** Stop publishing a staff profile, in English. */
export const withdraw: typeof ja = {
  title: 'Stop publishing your staff profile',
  linkFromProfile: 'Stop publishing (for the person shown)',
  description: 'How a registered health professional stops the publication of their profile',
  intro: [
    'Use this to stop publishing your own profile. Enter the email address you registered with; we send a confirmation link to it.',
    'Once confirmed, we remove the profile page. If you also want us to delete what we keep about your registration, please send a data request (deletion).',
  ],
  fromDataRequest: 'If you registered a staff profile, you can also ask to stop its use or delete it with “Stop publishing”.',
  person: 'Profile ID (after /people/ in the page address)',
  email: 'Email address you registered with',
  emailHint: 'Only if it matches the registration do we send the confirmation link, to that address.',
  submit: 'Send the confirmation mail',
  thanksTitle: 'Received',
  thanksBody: [
    'If the address matches your registration, we have sent a confirmation link to it. Please open it within 24 hours and press “Confirm”.',
    'If no mail arrives, please check that it is the address you registered with, or write to us with the contact form.',
  ],
  verifyTitle: 'Confirm: stop publishing',
  verifyBody: 'Press “Confirm” to start removing your profile page.',
  verifyNotYou: 'If you did not ask for this, close this page without pressing the button. The profile stays as it is.',
  verifyButton: 'Confirm',
  verifiedTitle: 'Confirmed',
  verifiedBody: ['We have started removing your profile page.', 'It is usually removed within 3 working days; we let you know by mail.'],
  verifyFailedTitle: 'Could not confirm',
};
