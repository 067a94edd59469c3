-- wrk script for scripts/soak.sh: every request picks one path from a mix
-- of stored pages, searches and a self-check result (rendered per request).
-- Usage: wrk -s scripts/mix.lua http://127.0.0.1:PORT

local paths = {
  "/",
  "/pathways",
  "/pathways/health-information-management",
  "/pathways/health-information-management/salary",
  "/pathways/health-information-management/education",
  "/pathways/health-information-management/job-titles",
  "/glossary",
  "/search?q=coder+salary",
  "/search?q=rhit",
  "/search?q=health+information&page=2",
  "/pathways/health-information-management/right-for-me?a=1,3&u=2",
  "/static/site.css",
}

wrk.headers["Accept-Encoding"] = "br, gzip"

local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
end

function init(args)
  -- Different sequences per thread (each thread has its own Lua state).
  math.randomseed(os.time() + (id or 0) * 7919)
end

function request()
  return wrk.format("GET", paths[math.random(#paths)])
end
