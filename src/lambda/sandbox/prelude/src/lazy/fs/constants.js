// fs constants (Linux values, as Node reports them) and the file-type bits the volume uses.

export const S_IFREG = 0o100000
export const S_IFDIR = 0o040000
export const UV_DIRENT_FILE = 1
export const UV_DIRENT_DIR = 2
export const kType = Symbol('type')

export const constants = {
  UV_FS_SYMLINK_DIR: 1,
  UV_FS_SYMLINK_JUNCTION: 2,
  O_RDONLY: 0,
  O_WRONLY: 1,
  O_RDWR: 2,
  UV_DIRENT_UNKNOWN: 0,
  UV_DIRENT_FILE: 1,
  UV_DIRENT_DIR: 2,
  UV_DIRENT_LINK: 3,
  S_IFMT: 0o170000,
  S_IFREG,
  S_IFDIR,
  S_IFLNK: 0o120000,
  O_CREAT: 64,
  O_EXCL: 128,
  O_TRUNC: 512,
  O_APPEND: 1024,
  O_SYNC: 1052672,
  F_OK: 0,
  R_OK: 4,
  W_OK: 2,
  X_OK: 1,
  COPYFILE_EXCL: 1,
  COPYFILE_FICLONE: 2,
  COPYFILE_FICLONE_FORCE: 4,
}
