import { Route, Routes } from 'react-router-dom';
import { SUBMIT_PATH, TRACK_PATH } from './publicPetitions.api.ts';
import { SubmitPetitionPage } from './SubmitPetitionPage.tsx';
import { TrackPetitionPage } from './TrackPetitionPage.tsx';

/** The citizens' pages, loaded on their own (entry-routes.tsx) without the app's shell or antd. */
export default function PublicPetitionPages() {
  return (
    <Routes>
      <Route path={SUBMIT_PATH} element={<SubmitPetitionPage />} />
      <Route path={TRACK_PATH} element={<TrackPetitionPage />} />
      <Route path={`${TRACK_PATH}/:code`} element={<TrackPetitionPage />} />
    </Routes>
  );
}
