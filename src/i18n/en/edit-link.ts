import type { editLink as ja } from '../ja/edit-link.ts';

/** Updating a staff profile, in English. */
export const editLink: typeof ja = {
  title: 'Update your staff profile',
  linkFromProfile: 'Update this profile (for the person shown)',
  description: 'How a registered health professional gets a link to update their profile',
  intro: [
    'We send a link to the address you registered with. It opens the registration form filled in with your registration, is valid for 24 hours and works once.',
    'An updated profile is also checked by a reviewer before it is published.',
  ],
  submit: 'Send the link',
  thanksTitle: 'Received',
  thanksBody: [
    'If the address matches your registration, we have sent the link to it. Please open it within 24 hours.',
    'If no mail arrives, please check that it is the address you registered with, or write to us with the contact form.',
  ],
  notice: 'You are updating your profile. The form shows your registration, unpublished sections included. Change what you need and send it.',
  invalid: 'This link cannot be used (it has expired or was used already). Please ask for a new one with “Update this profile”.',
};
