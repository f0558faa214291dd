// The files module as other modules see it: store an upload, read a multipart one, the URL a stored file is served at.
export { fileUrl, readUpload, storeFile } from './files.ts';
