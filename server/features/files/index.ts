// The files module as other modules see it: store an upload, read a multipart one, the URL a stored file is served at.
export { readUpload, readUploadForm } from './files.routes.ts';
export { fileUrl, storeFile } from './files.service.ts';
