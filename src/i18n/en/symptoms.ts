/** Words of the symptom index (/en/symptoms/) and of the search page's symptom note, in English. */
import type { Messages } from '../ja.ts';

export const symptoms: Messages['symptoms'] = {
  nav: 'Find by symptom',
  title: 'Find by symptom',
  description: 'Find which departments to consider for a headache, a cough, a fever, back pain and more, and the facilities in Nakano that have them.',
  lead: 'Find the departments to consider for a symptom or a part of the body. A department opens the list of its facilities; “Search for this symptom” opens the search results.',
  caution:
    'This is only a guide to where to go. For sudden symptoms, call #7119 (Tokyo Fire Department emergency consultation centre). If you think it may be life-threatening, call 119 at once.',
  childCaution: 'For a child’s sudden illness or injury you can also call #8000 (paediatric telephone advice).',
  groups: {
    'whole-body': 'Whole body and fever',
    head: 'Head and nerves',
    eye: 'Eyes',
    'ear-nose-throat': 'Ears, nose and throat',
    'mouth-teeth': 'Mouth and teeth',
    chest: 'Chest, breathing and heart',
    abdomen: 'Stomach and bowels',
    skin: 'Skin and injuries',
    'bones-joints': 'Bones, joints and muscles',
    urinary: 'Urine and bladder',
    women: 'Women’s health',
    mind: 'Mind and sleep',
    children: 'Children',
  },
  groupsNav: 'Parts of the body',
  name: (s) => s.en,
  reading: () => '',
  departments: 'Departments to consider',
  search: 'Search for this symptom',
  count: (n) => `${n} ${n === 1 ? 'facility' : 'facilities'}`,
  urgent: 'When it is urgent',
  sourceHeading: 'About this list',
  source:
    'The operator of the Nakano Clinic Database compiled this list as a general guide to where to go for common symptoms. It has not been reviewed by a doctor. Department names follow the MHLW department codes; the advice on when to call 119 follows the approach of the Tokyo Fire Department’s emergency guide (救急受診ガイド).',
  sourceMore: 'Please tell us through the contact form if something is wrong or a symptom is missing.',
};
