/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-fault-shim.c: an LD_PRELOAD library that makes the system calls of
 * a file write fail, to test what Pacte does when the disk is full, a close
 * reports an I/O error or a rename is refused.
 *
 * Only descriptors and paths whose name contains PACTE_FAULT_MATCH
 * (default ".pacte-tmp-": Pacte's temporary files) are touched.
 *   PACTE_FAULT_ERRNO=N          the errno to fail with (default ENOSPC)
 *   PACTE_FAULT_WRITE_AFTER=N    writes succeed for N bytes in total (the
 *                                one crossing N is cut short), then fail
 *   PACTE_FAULT_FSYNC=1          fsync()/fdatasync() fail
 *   PACTE_FAULT_CLOSE=1          close() closes, then reports the error
 *   PACTE_FAULT_RENAME=1         rename() of a matching source fails
 *   PACTE_FAULT_LINK=1           link() fails (the backup falls back to a copy)
 * Each injected failure is counted in the file PACTE_FAULT_LOG (one line a
 * failure), so that a test knows the fault was really hit. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

static long long written_so_far;

static const char *
match (void)
{
  const char *m = getenv ("PACTE_FAULT_MATCH");

  return m != NULL && m[0] != '\0' ? m : ".pacte-tmp-";
}

static int
fault_errno (void)
{
  const char *e = getenv ("PACTE_FAULT_ERRNO");

  return e != NULL ? atoi (e) : ENOSPC;
}

static int
fd_matches (int fd)
{
  char link[64], path[4096];
  ssize_t n;

  snprintf (link, sizeof link, "/proc/self/fd/%d", fd);
  n = readlink (link, path, sizeof path - 1);
  if (n <= 0)
    return 0;
  path[n] = '\0';
  return strstr (path, match ()) != NULL;
}

static void
note (const char *what)
{
  const char *log = getenv ("PACTE_FAULT_LOG");
  int (*real_open) (const char *, int, ...) = dlsym (RTLD_NEXT, "open");
  ssize_t (*real_write) (int, const void *, size_t) = dlsym (RTLD_NEXT, "write");
  int (*real_close) (int) = dlsym (RTLD_NEXT, "close");
  int fd;

  if (log == NULL)
    return;
  fd = real_open (log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  if (fd >= 0)
    {
      real_write (fd, what, strlen (what));
      real_write (fd, "\n", 1);
      real_close (fd);
    }
}

ssize_t
write (int         fd,
       const void *buf,
       size_t      count)
{
  static ssize_t (*real_write) (int, const void *, size_t);
  const char *after = getenv ("PACTE_FAULT_WRITE_AFTER");

  if (real_write == NULL)
    real_write = dlsym (RTLD_NEXT, "write");
  if (after != NULL && count > 0 && fd_matches (fd))
    {
      long long limit = atoll (after);
      long long room = limit - written_so_far;
      ssize_t n;

      if (room <= 0)
        {
          note ("write");
          errno = fault_errno ();
          return -1;
        }
      if ((long long) count > room)
        count = (size_t) room;
      n = real_write (fd, buf, count);
      if (n > 0)
        written_so_far += n;
      return n;
    }
  return real_write (fd, buf, count);
}

int
fsync (int fd)
{
  static int (*real_fsync) (int);

  if (real_fsync == NULL)
    real_fsync = dlsym (RTLD_NEXT, "fsync");
  if (getenv ("PACTE_FAULT_FSYNC") != NULL && fd_matches (fd))
    {
      note ("fsync");
      errno = fault_errno ();
      return -1;
    }
  return real_fsync (fd);
}

int
fdatasync (int fd)
{
  static int (*real_fdatasync) (int);

  if (real_fdatasync == NULL)
    real_fdatasync = dlsym (RTLD_NEXT, "fdatasync");
  if (getenv ("PACTE_FAULT_FSYNC") != NULL && fd_matches (fd))
    {
      note ("fdatasync");
      errno = fault_errno ();
      return -1;
    }
  return real_fdatasync (fd);
}

int
close (int fd)
{
  static int (*real_close) (int);
  int fail;

  if (real_close == NULL)
    real_close = dlsym (RTLD_NEXT, "close");
  fail = getenv ("PACTE_FAULT_CLOSE") != NULL && fd_matches (fd);
  if (real_close (fd) != 0)
    return -1;
  if (fail)
    {
      note ("close");
      errno = fault_errno ();
      return -1;
    }
  return 0;
}

int
rename (const char *from,
        const char *to)
{
  static int (*real_rename) (const char *, const char *);

  if (real_rename == NULL)
    real_rename = dlsym (RTLD_NEXT, "rename");
  if (getenv ("PACTE_FAULT_RENAME") != NULL && strstr (from, match ()) != NULL)
    {
      note ("rename");
      errno = fault_errno ();
      return -1;
    }
  return real_rename (from, to);
}

int
link (const char *from,
      const char *to)
{
  static int (*real_link) (const char *, const char *);

  if (real_link == NULL)
    real_link = dlsym (RTLD_NEXT, "link");
  if (getenv ("PACTE_FAULT_LINK") != NULL)
    {
      note ("link");
      errno = EPERM;
      return -1;
    }
  return real_link (from, to);
}
